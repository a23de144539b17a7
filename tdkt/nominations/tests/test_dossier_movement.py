"""A dossier may name the movement it proposes awards for; a thematic movement's dossier must be
thematic, so its awards never count as annual achievements."""

import pytest

from tdkt.core.errors import DomainError
from tdkt.emulation import services as emulation
from tdkt.emulation.models import Movement
from tdkt.nominations import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def thematic_movement(units, people):
    movement = Movement(name="Phong trào chuyên đề chuyển đổi số", kind="thematic", launched_by=units["education"])
    return emulation.save_movement(movement, actor=people["clerk"])


def test_thematic_movement_requires_a_thematic_dossier(people, units, thematic_movement):
    with pytest.raises(DomainError) as error:
        services.create_dossier(actor=people["clerk"], unit=units["education"], title="Tổng kết phong trào",
                                kind="annual", year=2025, movement=thematic_movement)
    assert error.value.field == "kind"
    dossier = services.create_dossier(actor=people["clerk"], unit=units["education"], title="Tổng kết phong trào",
                                      kind="thematic", year=2025, movement=thematic_movement)
    assert list(thematic_movement.dossiers.all()) == [dossier]


def test_create_page_offers_launched_movements_and_links_back(client, people, units, thematic_movement):
    thematic_movement.status = Movement.Status.LAUNCHED
    thematic_movement.save(update_fields=["status"])
    client.force_login(people["clerk"])
    page = client.get("/ho-so/tao-moi/")
    assert thematic_movement.name in page.content.decode()
    response = client.post("/ho-so/tao-moi/", {"title": "Khen thưởng chuyên đề", "kind": "thematic", "year": 2025,
                                          "unit": units["education"].pk, "movement": thematic_movement.pk})
    assert response.status_code == 302
    detail = client.get(response["Location"]).content.decode()
    assert f"/thi-dua/phong-trao/{thematic_movement.pk}/" in detail


def test_movement_page_lists_its_dossiers_only(client, people, units, thematic_movement):
    services.create_dossier(actor=people["clerk"], unit=units["education"], title="Hồ sơ của phong trào",
                            kind="thematic", year=2025, movement=thematic_movement)
    services.create_dossier(actor=people["clerk"], unit=units["education"],
                            title=f"Hồ sơ khác nhắc tên {thematic_movement.name}", kind="thematic", year=2025)
    client.force_login(people["clerk"])
    page = client.get(f"/thi-dua/phong-trao/{thematic_movement.pk}/").content.decode()
    assert "Hồ sơ của phong trào" in page
    assert "Hồ sơ khác nhắc tên" not in page
