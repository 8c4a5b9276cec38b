from django.contrib import admin

from .models import Consultation, Membership, Question, Theme


class ThemeInline(admin.TabularInline):
    model = Theme
    extra = 1


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["title", "organiser", "deadline", "published"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ThemeInline, MembershipInline]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 2


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "consultation", "position"]
    inlines = [QuestionInline]
