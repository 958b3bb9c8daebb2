# conlab_git_commit(VAR): the commit the source tree is at when the build is configured, for the
# About dialog. Empty when the sources are not a git checkout (a tarball) or git is missing.
function(conlab_git_commit out_var)
  set(commit "")
  find_package(Git QUIET)
  # Only our own checkout: a tarball unpacked inside some other repository must not take its HEAD.
  if(GIT_FOUND AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --short=12 HEAD
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE commit OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE rc ERROR_QUIET)
    if(NOT rc EQUAL 0)
      set(commit "")
    endif()
  endif()
  set(${out_var} "${commit}" PARENT_SCOPE)
endfunction()
