# The Debian package: `cpack` in a build tree (scripts/package for a release build) writes
# conlab_<version>_<arch>.deb. Depends is computed by dpkg-shlibdeps from the libraries the
# programs link, so it names Debian's runtime packages (libqt6widgets6, libboost-json1.81.0, …),
# never the -dev packages the build used. dpkg-shlibdeps cannot see what is loaded at run time:
# the plugins the lab needs are mostly in linked packages already (the xcb platform plugin in
# libqt6gui6 — qt6-qpa-plugins only holds vnc and tuio; the SVG plugins in libqt6svg6; the window
# icon is PNG, so no icon engine), and the rest is named in CONLAB_EXTRA_DEPENDS below. Checked by
# installing the package with --no-install-recommends into a fresh Debian 12 root and starting
# both programs.
set(CONLAB_PACKAGE_MAINTAINER "Concurrency Lab developers <maintainers@conlab.invalid>"
    CACHE STRING "The Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
# Under Ninja, cpack packages what is built and builds nothing itself (it has no preinstall
# target to run): `cmake --build DIR --target conlab_package_contents` (scripts/package) builds
# what the package holds first.
set(CPACK_PACKAGE_NAME conlab)
set(CPACK_PACKAGE_VENDOR "Concurrency Lab developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "Concurrency Lab runs the same tasks under different concurrency models (one event loop, an
event loop that offloads to a pool, a thread pool, a thread per task, several loops, a Qt event
loop), records when every task was submitted, started and ended, and sets each result beside what
an ideal machine would do, with a sentence on what the evidence says. conlab is the desktop lab
with its charts; conlab-cli runs the same experiments without a window.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CONLAB_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The icons go into the hicolor theme, whose index.theme (without which its directories are not
# searched) comes with hicolor-icon-theme: desktops have it, a minimal system may not.
set(CONLAB_EXTRA_DEPENDS hicolor-icon-theme)
if(TARGET conlab_history)
  # The run history opens its database through Qt SQL's SQLite driver, a plugin.
  list(APPEND CONLAB_EXTRA_DEPENDS libqt6sql6-sqlite)
endif()
list(JOIN CONLAB_EXTRA_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# The lab's translations are compiled in; in Chinese it needs a CJK font to show them, and Qt's
# own translations for its dialogs' buttons.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk | fonts-wqy-microhei, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
