#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "outreach.settings")
    # manage.py is the development entry point: unset DEBUG means a developer's machine. Servers
    # run outreach.wsgi (production by default) and set DEBUG=false for their manage.py commands.
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
