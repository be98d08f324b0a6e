"""Editors, logged-in clients, and a helper that submits the admin's own forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.test import Client

from timeline.management.commands.setup_roles import setup_roles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def editor(db):
    """A staff member whose only powers come from the "editor" group."""
    user = get_user_model().objects.create_user(
        username="ed", password="correct horse battery", is_staff=True
    )
    user.groups.add(setup_roles())
    return user


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client


def change_form_data(response) -> dict[str, object]:
    """The POST data the change form would send unchanged: main form, every
    inline formset with its management form, and the "Save" button."""
    data: dict[str, object] = {}

    def add_form(form) -> None:
        for name, field in form.fields.items():
            bound = form[name]
            value = field.prepare_value(bound.value())  # model instances -> pks
            key = bound.html_name
            if isinstance(value, bool) or getattr(field.widget, "input_type", "") == "checkbox":
                if value:
                    data[key] = "on"
                continue
            multiple = forms.MultipleChoiceField | forms.ModelMultipleChoiceField
            if value is None and isinstance(field, multiple):
                continue  # an empty multiple choice sends nothing
            if value is None:
                data[key] = ""
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = str(value) if not hasattr(value, "isoformat") else value.isoformat()

    add_form(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or []:
        formset = inline.formset
        add_form(formset.management_form)
        for form in formset.forms:
            add_form(form)
    data["_save"] = "Save"
    return data


def post_change(client: Client, url: str, **changes) -> object:
    """GET the change form, apply ``changes`` to its data, POST it back."""
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = change_form_data(page)
    for key, value in changes.items():
        if value is None or value is False:
            data.pop(key, None)
        else:
            data[key] = value
    response = client.post(url, data)
    if response.status_code != 302:
        errors = response.context["adminform"].form.errors if response.context else ""
        inline_errors = (
            [i.formset.errors for i in response.context.get("inline_admin_formsets") or []]
            if response.context
            else ""
        )
        raise AssertionError(f"admin refused the form: {errors} {inline_errors}")
    return response
