"""The player's words in the person's language.

Every sentence a person sees or hears is written in English in the code, wrapped in
``_()`` (or ``ngettext()`` where a number decides its form), and looked up in the gettext
catalog of the language in use: ``player/language/locale/LANG/LC_MESSAGES/player.po``,
extracted and compiled with Babel (``make catalogs``). The language is chosen once, when a
command starts (:mod:`player.language.choice`), and set with :func:`use`.

May import: the standard library; Babel (for dates and numbers, in
:mod:`player.language.formats` only, when a command shows them); pygame (in
:mod:`player.language.fonts` only: which font draws each language's script, for the window
and the chart); and ``player.system``.
"""

from player.language.codes import (
    DEFAULT_LANGUAGE as DEFAULT_LANGUAGE,
)
from player.language.codes import (
    LANGUAGES as LANGUAGES,
)
from player.language.codes import (
    PSEUDO as PSEUDO,
)
from player.language.codes import (
    language_name as language_name,
)
from player.language.codes import (
    normalise as normalise,
)
from player.language.translate import (
    N_ as N_,
)
from player.language.translate import (
    _ as _,
)
from player.language.translate import (
    current as current,
)
from player.language.translate import (
    ngettext as ngettext,
)
from player.language.translate import (
    npgettext as npgettext,
)
from player.language.translate import (
    pgettext as pgettext,
)
from player.language.translate import (
    speaking as speaking,
)
from player.language.translate import (
    use as use,
)
