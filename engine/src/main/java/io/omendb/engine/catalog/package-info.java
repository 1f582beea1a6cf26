/** Table and column definitions and their persistence. */
package io.omendb.engine.catalog;
