# Links shared libraries by calling ld.lld (CMAKE_LINKER) directly instead of through
# the compiler driver, for cross builds whose clang driver passes options lld does not
# know (the Solaris driver's -C). With no driver in between, LINKER: options are passed
# as they are, and nothing is added: no start files, no default libraries. The
# platform's driver-style flags (-Wl,-h, -Wl,-R, -Wl,-Bstatic) become lld's own.
set(CMAKE_C_LINKER_WRAPPER_FLAG " ")
set(CMAKE_SHARED_LIBRARY_SONAME_C_FLAG "-soname ")
set(CMAKE_SHARED_LIBRARY_RUNTIME_C_FLAG "-rpath ")
set(CMAKE_SHARED_LIBRARY_RUNTIME_C_FLAG_SEP ":")
set(CMAKE_SHARED_LIBRARY_LINK_STATIC_C_FLAGS "-Bstatic")
set(CMAKE_SHARED_LIBRARY_LINK_DYNAMIC_C_FLAGS "-Bdynamic")
# Only the run path of our own link-time stand-ins would be added: none is wanted.
set(CMAKE_LINK_DEPENDENT_LIBRARY_DIRS 0)
set(CMAKE_C_CREATE_SHARED_LIBRARY
    "<CMAKE_LINKER> -shared <LINK_FLAGS> <SONAME_FLAG><TARGET_SONAME> -o <TARGET> <OBJECTS> <LINK_LIBRARIES>")
