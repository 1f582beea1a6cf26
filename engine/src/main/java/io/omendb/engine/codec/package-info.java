/** Order-preserving key encoding and compact row encoding. */
package io.omendb.engine.codec;
