# Writes conlab-cli's man page from its own help, so the page never disagrees with the program:
# help2man turns `conlab-cli --help` into the page, and every command's `conlab-cli COMMAND --help`
# becomes a subsection of COMMAND OPTIONS. The result is gzipped as Debian policy asks.
# Usage: cmake -DCLI=conlab-cli -DHELP2MAN=help2man -DGZIP=gzip -DOUTPUT=conlab-cli.1.gz
#              -P man_page.cmake
foreach(var CLI HELP2MAN GZIP OUTPUT)
  if(NOT ${var})
    message(FATAL_ERROR "man_page.cmake: ${var} is not set")
  endif()
endforeach()

function(run_checked out_var)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "man_page.cmake: `${ARGN}` failed (${rc}): ${err}")
  endif()
  set(${out_var} "${out}" PARENT_SCOPE)
endfunction()

# roff reads a backslash as an escape and a line that starts with . or ' as a request.
function(roff_text out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# The commands are the indented first words of the "Commands:" block of --help.
run_checked(usage ${CLI} --help)
string(REGEX MATCH "Commands:\n(  [^\n]*\n)+" commands_block "${usage}")
string(REGEX MATCHALL "\n  [a-z]+" commands "${commands_block}")
list(TRANSFORM commands REPLACE "^\n  " "")
list(REMOVE_ITEM commands help)
if(NOT commands)
  message(FATAL_ERROR "man_page.cmake: found no commands in `${CLI} --help`")
endif()

set(include "[COMMAND OPTIONS]\n")
foreach(command IN LISTS commands)
  run_checked(help ${CLI} ${command} --help)
  roff_text(help "${help}")
  string(APPEND include ".SS ${command}\n.nf\n${help}.fi\n")
endforeach()
get_filename_component(dir ${OUTPUT} DIRECTORY)
string(REGEX REPLACE "\\.gz$" "" page ${OUTPUT})
file(WRITE ${dir}/conlab-cli.h2m "${include}")

run_checked(ignored ${HELP2MAN} --no-info --section=1 --include=${dir}/conlab-cli.h2m
            "--name=run, measure and explain concurrency experiments" --output=${page} ${CLI})
# -n: no name or time stamp in the archive, so the same page gives the same bytes.
run_checked(ignored ${GZIP} -9nf ${page})
