# check_layout.cmake must fail, naming each problem, on a tree that breaks every rule; and pass on
# the same tree once it is mended. Without this, a check that matched nothing would pass forever.
#
#   cmake -DWORK_DIR=<scratch dir> -DQT_HEADERS=<Qt's include dir> [-DGUI_BINARY=<a Gui binary>]
#         -P check_layout_catches.cmake
cmake_minimum_required(VERSION 3.25)
set(check "${CMAKE_CURRENT_LIST_DIR}/check_layout.cmake")
set(tree "${WORK_DIR}/tree")
file(REMOVE_RECURSE "${tree}")

file(WRITE "${tree}/ui/view.h" "#pragma once\n")
file(WRITE "${tree}/core/engine/runner.cpp"
     "#include \"core/engine/runner.h\"\n#include \"ui/view.h\"\n#include <QPainter>\n"
     "#include <QtWidgets/QWidget>\n#include <QSqlQuery>\n")
file(WRITE "${tree}/core/engine/runner.h" "#pragma once\n#include \"runner_detail.h\"\n")
file(WRITE "${tree}/core/engine/runner_detail.h" "#pragma once\n")
file(WRITE "${tree}/core/util/format.h" "#pragma once\n#include \"core/engine/runner.h\"\n")
file(WRITE "${tree}/app/cli/main.cpp" "int main() {}\n")
file(WRITE "${tree}/ui/view.cpp" "#include \"ui/view.h\"\n#include \"app/cli/main.cpp\"\n")
foreach(i RANGE 1 16)
  file(WRITE "${tree}/ui/big/unit_${i}.cpp" "\n")
endforeach()

set(expected
    "core/engine/runner.h: #include \"runner_detail.h\" is not a path from the source root"
    "core/engine/runner.cpp: the core includes \"ui/view.h\" from a tier above it"
    "core/engine/runner.cpp: the core includes <QPainter>, a Qt Gui-side header"
    "core/engine/runner.cpp: the core includes <QtWidgets/QWidget>, a Qt Gui-side header"
    "core/engine/runner.cpp: <QSqlQuery> is Qt SQL, which only core/history/ uses"
    "core/util/format.h: core/util/ includes \"core/engine/runner.h\", but util depends on no"
    "ui/view.cpp: ui/ includes \"app/cli/main.cpp\" from a tier above it"
    "ui/big/ holds 16 .cpp files (at most 15)"
    "the core tier links Qt6::Widgets")
set(binaries)
if(GUI_BINARY)
  list(APPEND binaries "${GUI_BINARY}")
  get_filename_component(base "${GUI_BINARY}" NAME)
  list(APPEND expected "${base}, built on the core tier alone, loads libQt6Gui")
endif()

execute_process(COMMAND ${CMAKE_COMMAND} "-DSOURCE_DIR=${tree}" "-DQT_HEADERS=${QT_HEADERS}"
                        "-DCORE_LINKS=Qt6::Core|$<LINK_ONLY:Qt6::Widgets>"
                        "-DCORE_ONLY_BINARIES=${binaries}" -P "${check}"
                RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT failed)
  message(FATAL_ERROR "check_layout passed a tree that breaks every rule:\n${out}${err}")
endif()
foreach(problem ${expected})
  string(FIND "${err}" "${problem}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "check_layout did not report: ${problem}\nIt said:\n${err}")
  endif()
endforeach()

# Mended, the same tree passes: the failures above came from the rules, not from the tree.
file(WRITE "${tree}/core/engine/runner.cpp"
     "#include \"core/engine/runner.h\"\n#include <QString>\n")
file(WRITE "${tree}/core/engine/runner.h"
     "#pragma once\n#include \"core/engine/runner_detail.h\"\n")
file(WRITE "${tree}/core/util/format.h" "#pragma once\n")
file(WRITE "${tree}/ui/view.cpp" "#include \"ui/view.h\"\n#include \"core/util/format.h\"\n")
file(REMOVE "${tree}/ui/big/unit_16.cpp")
execute_process(COMMAND ${CMAKE_COMMAND} "-DSOURCE_DIR=${tree}" "-DQT_HEADERS=${QT_HEADERS}"
                        "-DCORE_LINKS=Qt6::Core" -P "${check}"
                RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(failed)
  message(FATAL_ERROR "check_layout failed a tree that follows the rules:\n${err}")
endif()
message(STATUS "check_layout reports every broken rule, and passes the mended tree")
