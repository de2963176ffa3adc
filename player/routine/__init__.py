"""The routine format: what a person writes, and how it is read.

``values`` reads the small forms people type (``1m30s``, ``5-10``, ``both``);
``value_types`` makes them typed fields, each with the JSON Schema that accepts what its
parser accepts; ``model`` is the routine as frozen, typed values and the single description
of the format and its JSON Schema, whose words for editors (titles, descriptions, the rules
between keys) are in ``editor_text``; ``yaml_source`` turns one file into plain data,
safely, by YAML 1.2 as editors read it, remembering where every value was written (a
``document``); ``loader`` follows includes, ``use:`` and pictures, checks figures
against the bundled ones (``figures``), and reports every problem as ``FILE:LINE:COL``;
``problems`` is that report's shape; ``template`` writes the commented starting routine
and copies one with its shared exercises.

Pure apart from reading files. May import: ``player.system``. Knows nothing of playback,
a screen, a voice or the person's folders.
"""
