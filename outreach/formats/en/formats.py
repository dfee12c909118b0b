# The English interface serves the same Dutch workers: dates stay dd-mm-jjjj.
from outreach.formats.nl.formats import *  # noqa: F403
