from tdkt.nominations.views import council, dossiers

app_name = "nominations"
# Each view module owns its URL list: dossiers (clerk, unit head, Board) and council/decision steps.
urlpatterns = [*dossiers.urlpatterns, *council.urlpatterns]
