/**
 * Reading input files within a size cap and with a clear message for what is not a readable text
 * file (a directory, a FIFO, a device, text that is not UTF-8). Used by every package that reads a
 * file a user names; depends on nothing of StateScope.
 */
package statescope.io;
