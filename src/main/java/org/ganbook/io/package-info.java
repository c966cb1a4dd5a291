/**
 * File plumbing shared by the rest of the library, one place each: writing a file atomically, a
 * checksummed file frame that detects damage, and finding the project folder.
 */
package org.ganbook.io;
