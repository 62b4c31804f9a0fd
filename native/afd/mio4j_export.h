/* Export marker for the public C functions of the Windows backend.
 * mio4j.dll (the JNI library) does not define MIO4J_BUILD_DLL: Java reaches these
 * functions through the glue, so the DLL exports only JNI_OnLoad/JNI_OnUnload. A
 * plain-C DLL for other callers would define it: then only the functions marked here
 * are exported (a PE image with any dllexport exports nothing else). */
#ifndef MIO4J_EXPORT_H
#define MIO4J_EXPORT_H

#ifdef MIO4J_BUILD_DLL
#define MIO4J_API __declspec(dllexport)
#else
#define MIO4J_API
#endif

#endif
