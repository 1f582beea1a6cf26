/**
 * The golden SQL file harness: files of statements with their expected rows or SQLSTATEs, parsed into cases and run
 * over JDBC (the embedded driver here, pgjdbc in the server's integration tests).
 */
package io.omendb.adapter.golden;
