package energy.algebra;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.eval.interfaces.AbstractFunctionEvaluator;
import org.matheclipse.core.expression.Context;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.expression.Symbol;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IASTAppendable;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;
import org.matheclipse.core.patternmatching.IPatternMatcher;
import org.matheclipse.core.patternmatching.RulesData;

/**
 * The one place that talks to Symja's evaluator and sets its global state. User symbols
 * are never interned (see {@link SymbolTable}), so nothing here depends on Symja's
 * case-folding of names.
 */
public final class Symja {
  /**
   * Symja's evaluation recursion limit (its default, 512, turns a 520-term nested sum into
   * Hold(…)). The lowering builds flat sums and products, so this is headroom, not the rule;
   * deep recursion runs on the command line's worker thread, which has a deep stack.
   */
  public static final int RECURSION_LIMIT = 4096;

  /**
   * Built-ins that reach outside the engine — files, network, Java classes, processes, the
   * console, the JVM's exit — or build code from strings. Our lowering never produces them
   * (user names become {@link Context#DUMMY} symbols, functions come from one fixed table), and
   * they are disabled here as well, so no input can reach them.
   */
  static final List<String> OUTSIDE_WORLD =
      List.of(
          "Import", "ImportString", "Export", "ExportString", "Get", "Put", "Read", "ReadList", "ReadString",
          "OpenRead", "OpenWrite", "OpenAppend", "Write", "WriteString", "Close", "CreateFile", "CreateDirectory",
          "FileNames", "FileHash", "FilePrint", "JavaNew", "JavaObject", "JavaClass", "JavaShow", "InstallJava",
          "LoadJavaClass", "URLFetch", "SystemDialogInput", "Needs", "BeginPackage", "Compile", "CompilePrint",
          "CompiledFunction", "Print", "Echo", "EchoFunction", "Exit", "Quit", "Pause", "Beep", "Manipulate",
          "Share", "ToExpression", "Symbol", "Names");

  static {
    configure();
    for (String name : OUTSIDE_WORLD) builtIn(name).setEvaluator(Inert.INSTANCE);
  }

  /**
   * Symja's global switches. They are read when Symja's {@code F} initializes, so an entry point
   * (the command line, the API, the Maven plugin) calls this before anything touches the engine.
   * No engine threads: we never call {@code Integrate}, whose rule loader otherwise starts a
   * thread at start-up that outlives a Maven plugin's class realm and prints a
   * NoClassDefFoundError into the build log; JAS then runs its algorithms sequentially.
   */
  public static void configure() {
    // Symja logs through log4j's API without an implementation: the simple logger, set before
    // log4j starts, keeps "could not find a logging implementation" off embedders' consoles.
    if (System.getProperty("log4j2.loggerContextFactory") == null)
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    Config.FILESYSTEM_ENABLED = false;
    Config.JAVA_UNSAFE = false;
    Config.DEFAULT_RECURSION_LIMIT = RECURSION_LIMIT;
    Config.JAS_NO_THREADS = true;
  }

  private static final ThreadLocal<ExprEvaluator> EVALUATOR = ThreadLocal.withInitial(Symja::newEvaluator);

  /**
   * An evaluator with the limits above, no file system, and its messages ("Power: Infinite
   * expression 1/0 encountered", "$RecursionLimit: …") dropped: standard output carries only
   * results, and the callers detect what went wrong from the values themselves.
   */
  private static ExprEvaluator newEvaluator() {
    ExprEvaluator evaluator = new ExprEvaluator(true, (short) 0);
    EvalEngine engine = evaluator.getEvalEngine();
    engine.setRecursionLimit(RECURSION_LIMIT);
    engine.setFileSystemEnabled(false);
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    engine.setOutPrintStream(nowhere);
    engine.setErrorPrintStream(nowhere);
    dropSumPatternRules();
    return evaluator;
  }

  /** Symja's built-in symbol of a name; a name missing from this Symja version is a bug here. */
  static IBuiltInSymbol builtIn(String name) {
    try {
      return (IBuiltInSymbol) S.class.getField(name).get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Symja has no built-in '" + name + "'", e);
    }
  }

  /** The evaluator of a disabled built-in: the call stays as written, unevaluated. */
  private static final class Inert extends AbstractFunctionEvaluator {
    static final Inert INSTANCE = new Inert();

    @Override
    public IExpr evaluate(IAST ast, EvalEngine engine) {
      return F.NIL;
    }
  }

  /** ⟨x y⟩: the expectation of its argument, an inert head the printers write with angle brackets. */
  public static final ISymbol EXPECTATION = new Symbol("Expectation", Context.DUMMY);
  /** κ(x, y): the joint cumulant of its arguments, an inert head. */
  public static final ISymbol CUMULANT = new Symbol("Cumulant", Context.DUMMY);

  private Symja() {}

  private static boolean sumPatternRulesDropped;

  /**
   * Removes the built-in rules Cosh(n·iπ + x_), Cosh(iπ/2 + x_), the same for Sinh, and
   * e^{π·c + x_} with c complex. Symja matches a pattern sum against an orderless sum by
   * enumerating the sum's partitions, so cosh, sinh or exp of a sum of k terms costs 2ᵏ on
   * every evaluation (minutes for ln 2cosh(h₁ + … + h₂₀)). The rules only shift complex
   * arguments, which a real energy never has.
   */
  private static synchronized void dropSumPatternRules() {
    if (sumPatternRulesDropped) return;
    sumPatternRulesDropped = true;
    for (ISymbol head : List.of(S.Cosh, S.Sinh, S.Power)) {
      RulesData rules = head.getRulesData();
      if (rules == null) continue;
      for (IAST rule : new ArrayList<>(rules.definition())) {
        IExpr lhs = rule.arg1();
        for (int i = 1; i <= lhs.argSize(); i++)
          if (isPatternSum(lhs.getAt(i))) {
            rules.removeRule(IPatternMatcher.SET_DELAYED, false, lhs);
            break;
          }
      }
    }
  }

  private static boolean isPatternSum(IExpr e) {
    if (!e.isPlus()) return false;
    for (IExpr a : args(e)) if (a.isPatternExpr()) return true;
    return false;
  }

  public static IExpr eval(IExpr e) {
    // Our own loops evaluate step by step: an interrupted thread (Ctrl-C) stops at the next step.
    if (Thread.currentThread().isInterrupted()) throw new energy.Progress.Stopped(energy.Progress.current());
    return EVALUATOR.get().eval(e);
  }

  public static IExpr expand(IExpr e) {
    return eval(F.Expand(e));
  }

  public static IExpr together(IExpr e) {
    return eval(F.Together(e));
  }

  /** The arguments of a compound expression (its head excluded); empty for atoms. */
  public static List<IExpr> args(IExpr e) {
    List<IExpr> out = new ArrayList<>();
    for (int i = 1; i <= e.argSize(); i++) out.add(e.getAt(i));
    return out;
  }

  /** The additive terms of an expression: its arguments when a sum, else itself. */
  public static List<IExpr> terms(IExpr e) {
    return e.isPlus() ? args(e) : List.of(e);
  }

  /** The factors of an expression: its arguments when a product, else itself. */
  public static List<IExpr> factors(IExpr e) {
    return e.isTimes() ? args(e) : List.of(e);
  }

  /** A sum built without evaluation or sorting: printed in exactly this order. */
  public static IExpr unsortedSum(List<IExpr> terms) {
    return unsorted(S.Plus, terms, F.C0);
  }

  /** A product built without evaluation or sorting: printed in exactly this order. */
  public static IExpr unsortedProduct(List<IExpr> factors) {
    return unsorted(S.Times, factors, F.C1);
  }

  private static IExpr unsorted(ISymbol head, List<IExpr> args, IExpr empty) {
    if (args.isEmpty()) return empty;
    if (args.size() == 1) return args.get(0);
    IASTAppendable ast = F.ast(head, args.size());
    for (IExpr a : args) ast.append(a);
    return ast;
  }

  /** Symja's engine warms up on first use (~1.5 s); call early when timing matters. */
  public static void warmUp() {
    eval(F.Plus(F.C1, F.C1));
  }
}
