/** Small programs that show how to use OmenDB. */
package io.omendb.examples;
