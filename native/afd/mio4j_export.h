/* Export marker for the public C functions of the Windows backend.
 * Building mio4j.dll defines MIO4J_BUILD_DLL: only the functions marked here are
 * exported (a PE image with any dllexport exports nothing else). The static library
 * used by the test program leaves the marker empty. */
#ifndef MIO4J_EXPORT_H
#define MIO4J_EXPORT_H

#ifdef MIO4J_BUILD_DLL
#define MIO4J_API __declspec(dllexport)
#else
#define MIO4J_API
#endif

#endif
