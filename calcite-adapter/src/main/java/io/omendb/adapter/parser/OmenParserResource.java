package io.omendb.adapter.parser;

import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Error messages the OmenDB grammar raises beyond Calcite's own; the parser reports them as a
 * {@code SqlParseException} at the offending position. Wording follows PostgreSQL's.
 */
interface OmenParserResource {

  /** The messages; an immutable proxy. */
  OmenParserResource INSTANCE = Resources.create(OmenParserResource.class);

  @BaseMessage("CREATE OR REPLACE TABLE is not supported")
  ExInst<SqlValidatorException> createOrReplaceTableNotSupported();

  @BaseMessage("Column \"{0}\" specified more than once")
  ExInst<SqlValidatorException> duplicateColumn(String column);

  @BaseMessage("Conflicting NULL/NOT NULL declarations for column \"{0}\"")
  ExInst<SqlValidatorException> conflictingNullability(String column);

  @BaseMessage("Multiple default values specified for column \"{0}\"")
  ExInst<SqlValidatorException> multipleDefaults(String column);

  @BaseMessage("Multiple primary keys for table \"{0}\" are not allowed")
  ExInst<SqlValidatorException> multiplePrimaryKeys(String table);

  @BaseMessage("Column \"{0}\" appears twice in primary key constraint")
  ExInst<SqlValidatorException> duplicatePrimaryKeyColumn(String column);

  @BaseMessage("Column \"{0}\" named in key does not exist")
  ExInst<SqlValidatorException> primaryKeyColumnNotFound(String column);

  @BaseMessage("DISCARD {0} is not supported; only DISCARD ALL is")
  ExInst<SqlValidatorException> discardNotSupported(String target);

  @BaseMessage("unrecognized EXPLAIN option \"{0}\"")
  ExInst<SqlValidatorException> unrecognizedExplainOption(String option);

  @BaseMessage("{0} requires a Boolean value")
  ExInst<SqlValidatorException> explainOptionRequiresBoolean(String option);

  @BaseMessage("{0} requires a parameter")
  ExInst<SqlValidatorException> explainOptionRequiresParameter(String option);

  @BaseMessage("unrecognized value for EXPLAIN option \"{0}\": \"{1}\"")
  ExInst<SqlValidatorException> unrecognizedExplainOptionValue(String option, String value);

  @BaseMessage("EXPLAIN format \"{0}\" is not supported; only TEXT is")
  ExInst<SqlValidatorException> explainFormatNotSupported(String format);

  @BaseMessage("EXPLAIN option TIMING requires ANALYZE")
  ExInst<SqlValidatorException> explainTimingRequiresAnalyze();

  @BaseMessage("CREATE OR REPLACE INDEX is not supported")
  ExInst<SqlValidatorException> createOrReplaceIndexNotSupported();

  @BaseMessage("index access method \"{0}\" is not supported; only btree is")
  ExInst<SqlValidatorException> indexAccessMethodNotSupported(String method);

  @BaseMessage("conflicting or redundant options")
  ExInst<SqlValidatorException> conflictingRoleOptions();

  @BaseMessage("CREATE OR REPLACE ROLE is not supported")
  ExInst<SqlValidatorException> createOrReplaceRoleNotSupported();

  @BaseMessage("invalid connection limit: {0}")
  ExInst<SqlValidatorException> invalidConnectionLimit(String limit);
}
