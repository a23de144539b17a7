from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    name = "tdkt.catalogue"
    label = "catalogue"
    verbose_name = "Danh mục danh hiệu, hình thức khen thưởng"
