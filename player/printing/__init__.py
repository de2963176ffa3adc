"""Printed pages: A4 PDF documents for the person to take to her midwife or physiotherapist
(the history's report, a routine's handout).

:class:`~player.printing.document.Document` lays out headings, paragraphs, lists, tables
and pictures in large black-on-white type, in the fonts of the language in use, with the
disclaimer and the page number at the foot of every page; ``Document.save`` writes the
file whole or not at all. ``handout`` sets a routine's steps, figures, warning signs and
sources on one to three pages.

May import: fpdf2 (and fontTools, which it uses too), pygame (pictures are Surfaces),
``player.care`` (the disclaimer, the warning signs), ``player.playback`` (a routine's
timeline), ``player.routine``, ``player.language`` and ``player.system``.
"""
