package io.omendb.avatica;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module arrows, enforced: the Avatica bridge reaches the database through the SQL layer only. */
class ModuleRulesTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.omendb.avatica");

  @Test
  void avatica_neverImportsStorageOrRocksDb() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.rocksdb..", "io.omendb.engine.storage..")
        .check(classes);
  }

  @Test
  void avatica_neverImportsOtherFrontEnds() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.omendb.pg..", "io.omendb.server..")
        .check(classes);
  }
}
