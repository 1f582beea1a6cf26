package io.omendb.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module arrows, enforced: engine never sees Calcite, and only its storage package sees RocksDB. */
class ModuleRulesTest {
  private final JavaClasses classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.omendb.engine");

  @Test
  void engine_neverImportsCalciteOrUpperModules() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("org.apache.calcite..", "io.omendb.adapter..", "io.omendb.pg..", "io.omendb.avatica..",
            "io.omendb.server..")
        .check(classes);
  }

  @Test
  void onlyStorage_importsRocksDb() {
    noClasses().that().resideOutsideOfPackage("io.omendb.engine.storage..")
        .should().dependOnClassesThat().resideInAPackage("org.rocksdb..")
        .check(classes);
  }
}
