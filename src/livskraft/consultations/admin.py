from django.contrib import admin

from .models import (
    Consultation,
    Invitation,
    Membership,
    Poll,
    Question,
    RespondentType,
    Statement,
    Theme,
)


class ThemeInline(admin.StackedInline):
    model = Theme
    extra = 1


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


class RespondentTypeInline(admin.TabularInline):
    model = RespondentType
    extra = 1


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "organiser", "deadline", "published"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ThemeInline, RespondentTypeInline, MembershipInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 2


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "position"]
    inlines = [QuestionInline]


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 1
    fields = ["text", "status", "by_committee", "position"]


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["title", "organiser", "published"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["owners"]
    inlines = [StatementInline]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """The owner's own proposals are added here as approved statements "by the committee"."""

    list_display = ["text", "poll", "status", "by_committee"]
    list_filter = ["status", "by_committee", "poll"]
    actions = ["approve"]

    @admin.action(description="Godkjenn valgte påstander")
    def approve(self, request, queryset):
        queryset.update(status=Statement.APPROVED)

    def get_changeform_initial_data(self, request):
        return {"by_committee": True, "status": Statement.APPROVED}


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["organisation", "place", "date", "topic", "handled"]
    list_filter = ["handled"]
