"""``lrkit serve``: the workshop server. One process runs Voila over the notebooks, holds the one
answer store, and answers the participants' kernels' store requests over loopback HTTP.

This package's top level imports nothing: ``toolkit.serve.request`` runs inside participants'
kernels, which must stay light. Voila, tornado and SQLAlchemy are imported by ``app`` and the
modules it uses, in the serving process only.
"""
