# Debian package: cpack -G DEB from the build directory.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.github.switchyard.Switchyard.desktop DESTINATION share/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.github.switchyard.Switchyard.metainfo.xml DESTINATION share/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/switchyard.svg
        DESTINATION share/icons/hicolor/scalable/apps RENAME io.github.switchyard.Switchyard.svg)
# The gateway as a systemd service, installed disabled (no maintainer script enables it), and the
# SQL for a team database's roles.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/switchyard-serve.service DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/postgresql/roles.sql DESTINATION share/doc/switchyard/postgresql)

set(CPACK_PACKAGE_NAME "switchyard")
set(CPACK_PACKAGE_VENDOR "Switchyard")
set(CPACK_PACKAGE_CONTACT "Switchyard developers <dev@switchyard.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
# A team ledger on PostgreSQL needs Qt's driver for it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_STRIP_FILES ON)
include(CPack)
