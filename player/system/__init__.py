"""What every part of the player asks of the operating system.

Where the bundled routines and media are (``paths``), opening files without ever waiting
on a named pipe or reading a device (``regular_files``), writing files whole and private
(``files``), saving a PNG (``png``), keeping a C library's complaints off the terminal
(``quiet``), and stopping the same way on Ctrl-C, TERM and HUP (``stopping``).

May import: nothing else of the player. Everything may import it.
"""
