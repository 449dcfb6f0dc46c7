package io.brushguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules that make the core one core for two runtimes (see DESIGN.md, "One core, two runtimes",
 * and STYLE.md conventions 4 and 6). Only the core's main classes are analysed: this module's test
 * classpath holds no other Brushguard module.
 */
@AnalyzeClasses(packages = "io.brushguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDependsOnNoFramework =
      noClasses()
          .that()
          .resideInAPackage("io.brushguard..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.flink..",
              "org.apache.kafka..",
              "io.javalin..",
              "org.eclipse.jetty..",
              "jakarta.servlet..",
              "javax.servlet..",
              // jackson-core's streaming parser and generator are a library; databind is not
              "com.fasterxml.jackson.databind..",
              "com.fasterxml.jackson.dataformat..",
              "com.google.gson..",
              "java.sql..",
              "javax.sql..",
              "org.jdbi..",
              "org.jooq..",
              "org.flywaydb..",
              "org.h2..",
              "org.postgresql..",
              "org.sqlite..",
              "org.rocksdb..",
              "com.zaxxer..",
              "picocli..",
              "me.tongfei.progressbar..",
              "org.slf4j..",
              "ch.qos.logback..",
              "org.apache.logging..",
              "org.apache.log4j..",
              "java.util.logging..",
              "io.micrometer..",
              "org.springframework..",
              "com.google.inject..",
              "javax.inject..",
              "jakarta.inject..")
          .because(
              "detectors and decisions are plain Java that the embedded runtime and the Flink"
                  + " job both adapt (DESIGN.md, STYLE.md convention 6)");

  @ArchTest
  static final ArchRule topLevelPackagesAreFreeOfCycles =
      slices()
          .matching("io.brushguard.(*)..")
          .should()
          .beFreeOfCycles()
          .because("the packages are the architecture (STYLE.md convention 2)");

  @ArchTest
  static final ArchRule eventContractDependsOnNothingElse =
      classes()
          .that()
          .resideInAPackage("io.brushguard.event..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("io.brushguard.event..", "java..")
          .because("the event records are the input contract every other package builds on");

  @ArchTest
  static final ArchRule coreReadsNoWallClockAndNoUnseededRandomness =
      noClasses()
          .that()
          .resideInAPackage("io.brushguard..")
          .should()
          .callMethod(System.class, "currentTimeMillis")
          .orShould()
          .callMethod(Instant.class, "now")
          .orShould()
          .callMethod(LocalDate.class, "now")
          .orShould()
          .callMethod(LocalDateTime.class, "now")
          .orShould()
          .callMethod(OffsetDateTime.class, "now")
          .orShould()
          .callMethod(ZonedDateTime.class, "now")
          .orShould()
          .callMethod(Clock.class, "systemUTC")
          .orShould()
          .callMethod(Clock.class, "systemDefaultZone")
          .orShould()
          .callConstructor(Date.class)
          .orShould()
          .callConstructor(Random.class)
          .orShould()
          .callMethod(Math.class, "random")
          .orShould()
          .callMethod(ThreadLocalRandom.class, "current")
          .because(
              "detectors judge by event time only and every random choice takes a seed, so the"
                  + " same input gives the same findings (STYLE.md convention 4)");
}
