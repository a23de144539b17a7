from tdkt.nominations.views import council, documents, dossiers, eligibility, imports, suggestions

app_name = "nominations"
# Each view module owns its URL list: dossiers (clerk, unit head, Board), council/decision steps,
# the what-if eligibility checker and the suggestions of who to propose.
urlpatterns = [*dossiers.urlpatterns, *council.urlpatterns, *eligibility.urlpatterns, *suggestions.urlpatterns,
               *imports.urlpatterns, *documents.urlpatterns]
