"""No module of ours imports, at run time, a module that imports it back (issue 12).

Imports under ``if TYPE_CHECKING:`` are for the type checker alone and do not count.
"""

from __future__ import annotations

import grimp


def test_no_module_imports_itself_back_at_run_time() -> None:
    graph = grimp.build_graph("brm_desk", cache_dir=None, exclude_type_checking_imports=True)
    circles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if graph.chain_exists(importer=imported, imported=module):
                back = graph.find_shortest_chain(importer=imported, imported=module) or ()
                circles.append(" → ".join((module, *back)))
    assert circles == []
