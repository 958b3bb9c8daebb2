# Checks the layout that docs/architecture.md states, on the source tree and the built binaries:
#  - every quoted #include is a path from the source root ("core/engine/runner.h");
#  - core/ includes nothing from ui/, app/, tests/ or bench/, and ui/ nothing from app/, tests/
#    or bench/ (core <- ui <- app);
#  - core/util/ includes no other core folder (everything else may use it);
#  - core/ includes no header of Qt's Gui-side modules, and Qt SQL only in core/history/;
#  - no folder of core/ or ui/ holds more than 15 .cpp files (a bigger one wants feature folders);
#  - the core tier's libraries link no Qt Gui-side module, and binaries built on the core tier
#    alone load none of them.
# Prints every problem, not just the first, and fails if there is any.
#
#   cmake -DSOURCE_DIR=<tree> [-DQT_HEADERS=<Qt's include dir>] [-DCORE_LINKS=<a|b|...>]
#         [-DCORE_ONLY_BINARIES=<a|b|...>] -P check_layout.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT IS_DIRECTORY "${SOURCE_DIR}")
  message(FATAL_ERROR "check_layout: SOURCE_DIR must name the source tree (got '${SOURCE_DIR}')")
endif()

set(problems)
# Lists come joined with | (a ; would split the test's command line).
string(REPLACE "|" ";" CORE_LINKS "${CORE_LINKS}")
string(REPLACE "|" ";" CORE_ONLY_BINARIES "${CORE_ONLY_BINARIES}")
set(gui_modules QtGui QtWidgets QtCharts QtSvg QtSvgWidgets QtPrintSupport QtOpenGL
                QtOpenGLWidgets)
set(max_cpp_per_folder 15)

# A header of one of `modules`: <QtGui/QPainter>, or a bare <QPainter> that Qt ships there.
function(is_qt_header_of header modules out)
  set(${out} FALSE PARENT_SCOPE)
  foreach(module ${modules})
    if(header MATCHES "^${module}/" OR (QT_HEADERS AND header MATCHES "^Q[A-Za-z]+$"
                                        AND EXISTS "${QT_HEADERS}/${module}/${header}"))
      set(${out} TRUE PARENT_SCOPE)
      return()
    endif()
  endforeach()
endfunction()

set(patterns)
foreach(tier core ui app tests bench)
  list(APPEND patterns "${SOURCE_DIR}/${tier}/*.h" "${SOURCE_DIR}/${tier}/*.cpp")
endforeach()
file(GLOB_RECURSE sources RELATIVE "${SOURCE_DIR}" ${patterns})
foreach(source ${sources})
  file(STRINGS "${SOURCE_DIR}/${source}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]")
  foreach(line ${lines})
    if(line MATCHES "include[ \t]*\"([^\"]+)\"")
      set(header "${CMAKE_MATCH_1}")
      # Made by the build: moc's output, and the paths the i18n tests are given.
      if(NOT header MATCHES "\\.moc$" AND NOT header STREQUAL "i18n_paths.h"
         AND NOT EXISTS "${SOURCE_DIR}/${header}")
        list(APPEND problems "${source}: #include \"${header}\" is not a path from the source root")
      endif()
      if(source MATCHES "^core/" AND header MATCHES "^(ui|app|tests|bench)/")
        list(APPEND problems "${source}: the core includes \"${header}\" from a tier above it")
      elseif(source MATCHES "^ui/" AND header MATCHES "^(app|tests|bench)/")
        list(APPEND problems "${source}: ui/ includes \"${header}\" from a tier above it")
      endif()
      if(source MATCHES "^core/util/" AND header MATCHES "^core/"
         AND NOT header MATCHES "^core/util/")
        string(CONCAT text "${source}: core/util/ includes \"${header}\", but util depends on "
                           "no other core folder")
        list(APPEND problems "${text}")
      endif()
    elseif(source MATCHES "^core/" AND line MATCHES "include[ \t]*<([^>]+)>")
      set(header "${CMAKE_MATCH_1}")
      is_qt_header_of("${header}" "${gui_modules}" gui)
      is_qt_header_of("${header}" "QtSql" sql)
      if(gui)
        list(APPEND problems "${source}: the core includes <${header}>, a Qt Gui-side header")
      elseif(sql AND NOT source MATCHES "^core/history/")
        list(APPEND problems "${source}: <${header}> is Qt SQL, which only core/history/ uses")
      endif()
    endif()
  endforeach()
endforeach()

# Feature folders stay small enough to read.
file(GLOB_RECURSE cpp_files RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/core/*.cpp"
     "${SOURCE_DIR}/ui/*.cpp")
set(folders)
foreach(file ${cpp_files})
  get_filename_component(folder "${file}" DIRECTORY)
  list(APPEND folders "${folder}")
endforeach()
set(all_folders ${folders})
list(REMOVE_DUPLICATES folders)
foreach(folder ${folders})
  set(count 0)
  foreach(f ${all_folders})
    if(f STREQUAL folder)
      math(EXPR count "${count} + 1")
    endif()
  endforeach()
  if(count GREATER max_cpp_per_folder)
    string(CONCAT text "${folder}/ holds ${count} .cpp files (at most ${max_cpp_per_folder}): "
                      "split it into feature folders")
    list(APPEND problems "${text}")
  endif()
endforeach()

# What the core tier's libraries are linked with (their LINK_LIBRARIES, given by the build).
foreach(library ${CORE_LINKS})
  foreach(module ${gui_modules})
    string(REPLACE "Qt" "" name "${module}")
    if(library MATCHES "(^|[^A-Za-z])(Qt6?::${name})($|[^A-Za-z])")
      list(APPEND problems "the core tier links ${CMAKE_MATCH_2}")
    endif()
  endforeach()
endforeach()

# What binaries built on the core tier alone really load.
foreach(binary ${CORE_ONLY_BINARIES})
  execute_process(COMMAND ldd "${binary}" OUTPUT_VARIABLE loaded RESULT_VARIABLE failed)
  if(failed)
    list(APPEND problems "ldd could not read ${binary}")
  endif()
  foreach(module ${gui_modules})
    string(REPLACE "Qt" "" name "${module}")
    if(loaded MATCHES "libQt6${name}\\.so")
      get_filename_component(base "${binary}" NAME)
      list(APPEND problems "${base}, built on the core tier alone, loads libQt6${name}")
    endif()
  endforeach()
endforeach()

list(LENGTH sources checked)
if(problems)
  list(LENGTH problems count)
  list(JOIN problems "\n  " text)
  message(FATAL_ERROR "check_layout: ${count} problem(s) in ${checked} files:\n  ${text}\n"
                      "See docs/architecture.md for the layout and its rules.")
endif()
message(STATUS "check_layout: ${checked} files and the core tier's links follow "
               "docs/architecture.md")
