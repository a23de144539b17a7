from django.urls import path

from tdkt.plans.views import oversight, plans, reminders, units

app_name = "plans"

urlpatterns = [
    path("", plans.plan_list, name="list"),
    path("tao-moi/", plans.plan_edit, name="plan_create"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/sua/", plans.plan_edit, name="plan_edit"),
    path("<int:plan_pk>/them-muc/", plans.item_edit, name="item_create"),
    path("muc/<int:pk>/", plans.item_detail, name="item_detail"),
    path("muc/<int:pk>/sua/", plans.item_edit, name="item_edit"),
    path("muc/<int:pk>/trang-thai/", plans.item_status, name="item_status"),
    path("muc/<int:pk>/tien-do/", plans.item_note, name="item_note"),
    path("muc/<int:pk>/ket-qua/", plans.item_output, name="item_output"),
    path("muc/<int:pk>/ket-qua/<int:output_pk>/tep/", plans.output_file, name="output_file"),
    path("don-vi/", units.board, name="unit_plans"),
    path("don-vi/nop/", units.submit, name="unit_plan_submit"),
    path("don-vi/<int:pk>/tep/", units.submission_file, name="unit_plan_file"),
    path("don-vi/thoi-han/", units.deadline, name="unit_plan_deadline"),
    path("nhac-viec/", reminders.reminders, name="reminders"),
    path("nhac-viec/so-viec/", reminders.due_stat, name="due_stat"),
    path("kiem-tra/", oversight.inspection_list, name="inspections"),
    path("kiem-tra/tao-moi/", oversight.inspection_create, name="inspection_create"),
    path("kiem-tra/<int:pk>/", oversight.inspection_detail, name="inspection_detail"),
    path("kiem-tra/<int:pk>/phat-hien/", oversight.finding_add, name="finding_add"),
    path("kiem-tra/<int:pk>/phat-hien/<int:finding_pk>/khac-phuc/", oversight.action_add, name="action_add"),
    path("kiem-tra/<int:pk>/khac-phuc/<int:action_pk>/dong/", oversight.action_close, name="action_close"),
    path("tap-huan/", oversight.course_list, name="courses"),
    path("tap-huan/tao-moi/", oversight.course_create, name="course_create"),
    path("tap-huan/<int:pk>/", oversight.course_detail, name="course_detail"),
    path("van-ban-phap-luat/", oversight.legal_list, name="legal"),
    path("van-ban-phap-luat/tao-moi/", oversight.legal_edit, name="legal_create"),
    path("van-ban-phap-luat/<int:pk>/sua/", oversight.legal_edit, name="legal_edit"),
    path("van-ban-phap-luat/<int:pk>/tep/", oversight.legal_file, name="legal_file"),
]
