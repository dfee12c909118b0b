from django.apps import AppConfig


class ZrmConfig(AppConfig):
    name = "zrm"
