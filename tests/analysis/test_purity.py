import subprocess
import sys


def test_the_analysis_core_imports_no_django():
    code = ("import sys, livskraft.analysis.borders, livskraft.analysis.population, "
            "livskraft.analysis.accounts, livskraft.analysis.immigration_effect, "
            "livskraft.analysis.life_table, livskraft.analysis.projection_setup, "
            "livskraft.analysis.projection_comparison, livskraft.analysis.immigration_projection, "
            "livskraft.analysis.net_migration, livskraft.analysis.attractiveness_sets, "
            "livskraft.analysis.commuting, livskraft.sources.registry; "
            "livskraft.sources.registry.formats(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
