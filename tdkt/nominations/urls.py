from tdkt.nominations.views import council, dossiers, eligibility

app_name = "nominations"
# Each view module owns its URL list: dossiers (clerk, unit head, Board), council/decision steps,
# and the what-if eligibility checker.
urlpatterns = [*dossiers.urlpatterns, *council.urlpatterns, *eligibility.urlpatterns]
