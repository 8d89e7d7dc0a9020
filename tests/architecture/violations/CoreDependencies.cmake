# The declaration CheckIncludes.cmake compares this tree with (ExpectViolations.cmake).
set(core_libraries alpha beta gamma delta)
set(core_depends_alpha)
set(core_depends_beta gamma)
set(core_depends_gamma alpha)
set(core_depends_delta alpha)
