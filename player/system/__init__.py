"""What every part of the player asks of the operating system.

Where the bundled routines and media are (``paths``), opening files without ever waiting
on a named pipe or reading a device (``regular_files``), writing files whole and private
(``files``), saving a PNG (``png``), keeping a C library's complaints off the terminal
(``quiet``), stopping the same way on Ctrl-C, TERM and HUP (``stopping``), and sharing a
long list of work with a copy of the process on a second core (``forked``).

May import: nothing else of the player. Everything may import it.
"""
