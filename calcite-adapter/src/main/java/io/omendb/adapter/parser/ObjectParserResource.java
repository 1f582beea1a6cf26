package io.omendb.adapter.parser;

import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Error messages of the sequence, identity-column and view grammar, raised as a {@code SqlParseException} at the
 * offending position; wording follows PostgreSQL's.
 */
interface ObjectParserResource {

  /** The messages; an immutable proxy. */
  ObjectParserResource INSTANCE = Resources.create(ObjectParserResource.class);

  @BaseMessage("value \"{0}\" is out of range for type bigint")
  ExInst<SqlValidatorException> sequenceValueOutOfRange(String value);

  @BaseMessage("CREATE OR REPLACE SEQUENCE is not supported")
  ExInst<SqlValidatorException> createOrReplaceSequenceNotSupported();

  @BaseMessage("multiple default values specified for column \"{0}\"")
  ExInst<SqlValidatorException> identityWithDefault(String column);
}
