package io.omendb.adapter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module arrows, enforced: the SQL layer sees the engine's API but never RocksDB or the modules above it. */
class ModuleRulesTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.omendb.adapter");

  @Test
  void adapter_neverImportsRocksDbOrStorage() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.rocksdb..", "io.omendb.engine.codec..")
        .check(classes);
  }

  @Test
  void adapter_neverImportsUpperModules() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.omendb.pg..", "io.omendb.avatica..", "io.omendb.server..")
        .check(classes);
  }
}
