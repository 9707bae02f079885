"""The web dashboard and JSON API (``polku serve``): :func:`polku.web.app.create_app`."""
