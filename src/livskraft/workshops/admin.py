"""Workshops in the admin, with their facilitators (add co-facilitators here), and every
tool's models from the registry."""

from django.contrib import admin

from .models import Facilitation, Participant, Workshop
from .tools import registry


class FacilitationInline(admin.TabularInline):
    model = Facilitation
    extra = 1


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality_code", "active_tool", "join_code", "created_at"]
    search_fields = ["title", "join_code"]
    inlines = [FacilitationInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["id", "workshop", "group", "joined_at"]
    list_filter = ["workshop"]
    exclude = ["key"]  # the key is the participant's credential


for tool in registry.TOOLS:
    for model in tool.models:
        admin.site.register(model)
