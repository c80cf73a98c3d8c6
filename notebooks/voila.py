# Voilà's settings for `make oefenen` that JSON cannot hold (the others are in voila.json):
# the list of exercises shows them in the learner's order with their Dutch titles, and no
# trainer's tools, as the browser site lists them (werkalliantie.bouwen.site).
from werkalliantie.bouwen.site import voila_paginaconfig

c.VoilaConfiguration.page_config_hook = voila_paginaconfig  # noqa: F821 - traitlets' config object
