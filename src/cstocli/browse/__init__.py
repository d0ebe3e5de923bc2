"""``cstocli browse``: a live, keyboard-first Textual app over the same search and views.

The only package that imports Textual. Its shape follows Textualize/toolong: the data
in plain classes that know nothing of widgets (``session``), one screen or widget a
module, custom messages in ``messages``, the app in ``app``. Everything it shows is
computed by the code the commands use (``search.engine``, ``summary``, ``library``) and
drawn by ``views`` renderables.
"""
