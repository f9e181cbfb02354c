package energy.syntax;

import energy.diag.Source;
import energy.diag.Span;
import energy.model.Expr;
import energy.model.Ident;
import energy.model.LatticeModel;
import energy.model.Program;
import energy.model.Stmt;
import energy.model.UnitKind;
import energy.syntax.gen.EnergyBaseVisitor;
import energy.syntax.gen.EnergyParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** The parse tree → model records, each with its span. The parse tree is not the model. */
final class AstBuilder {
  private final Source source;

  AstBuilder(Source source) {
    this.source = source;
  }

  Program program(EnergyParser.ProgramContext ctx) {
    List<Stmt> statements = new ArrayList<>();
    for (EnergyParser.StatementContext s : ctx.statement()) statements.add(s.accept(statementBuilder));
    return new Program(source, statements);
  }

  private Span span(ParserRuleContext ctx) {
    int end = ctx.getStop() == null ? ctx.getStart().getStartIndex() : ctx.getStop().getStopIndex() + 1;
    return new Span(source, ctx.getStart().getStartIndex(), Math.max(end, ctx.getStart().getStartIndex() + 1));
  }

  private Ident ident(Token t) {
    return new Ident(t.getText(), new Span(source, t.getStartIndex(), t.getStopIndex() + 1));
  }

  private Ident ident(TerminalNode n) {
    return ident(n.getSymbol());
  }

  private List<Ident> idents(List<TerminalNode> nodes) {
    List<Ident> out = new ArrayList<>();
    for (TerminalNode n : nodes) out.add(ident(n));
    return out;
  }

  private List<Ident> idList(EnergyParser.IdListContext ctx) {
    return ctx == null ? List.of() : idents(ctx.ID());
  }

  private Stmt.VarItem varItem(Token name, EnergyParser.ShapeContext shape) {
    return new Stmt.VarItem(ident(name), shape == null ? List.of() : idents(shape.ID()));
  }

  private final EnergyBaseVisitor<Stmt> statementBuilder =
      new EnergyBaseVisitor<>() {
        @Override
        public Stmt visitModelDecl(EnergyParser.ModelDeclContext ctx) {
          return new Stmt.ModelDecl(ident(ctx.name), span(ctx));
        }

        @Override
        public Stmt visitDimDecl(EnergyParser.DimDeclContext ctx) {
          List<Stmt.DimItem> dims = new ArrayList<>();
          for (EnergyParser.DimItemContext d : ctx.dimItem()) {
            Integer size = d.size == null ? null : parseSize(d.size.getText());
            dims.add(new Stmt.DimItem(ident(d.name), size));
          }
          return new Stmt.DimDecl(dims, span(ctx));
        }

        @Override
        public Stmt visitUnitDecl(EnergyParser.UnitDeclContext ctx) {
          UnitKind kind =
              ctx.unitKind().SPIN() != null
                  ? UnitKind.SPIN
                  : ctx.unitKind().BINARY() != null ? UnitKind.BINARY : UnitKind.REAL;
          List<Stmt.VarItem> units = new ArrayList<>();
          for (EnergyParser.UnitItemContext u : ctx.unitItem()) units.add(varItem(u.name, u.shape()));
          return new Stmt.UnitDecl(kind, units, span(ctx));
        }

        @Override
        public Stmt visitParamDecl(EnergyParser.ParamDeclContext ctx) {
          List<Stmt.VarItem> params = new ArrayList<>();
          for (EnergyParser.ParamItemContext p : ctx.paramItem()) params.add(varItem(p.name, p.shape()));
          return new Stmt.ParamDecl(params, span(ctx));
        }

        @Override
        public Stmt visitTemperatureDecl(EnergyParser.TemperatureDeclContext ctx) {
          return new Stmt.TemperatureDecl(ident(ctx.name), span(ctx));
        }

        @Override
        public Stmt visitEnergyDecl(EnergyParser.EnergyDeclContext ctx) {
          return new Stmt.EnergyDecl(
              ident(ctx.name), idList(ctx.idList()), ctx.expr().accept(exprBuilder), span(ctx));
        }

        @Override
        public Stmt visitMarginalizeStmt(EnergyParser.MarginalizeStmtContext ctx) {
          return new Stmt.MarginalizeStmt(
              ident(ctx.name), ident(ctx.energy), idList(ctx.idList()), span(ctx));
        }

        @Override
        public Stmt visitCouplingsStmt(EnergyParser.CouplingsStmtContext ctx) {
          Integer order = ctx.order == null ? null : parseSize(ctx.order.getText());
          return new Stmt.CouplingsStmt(ident(ctx.energy), order, span(ctx));
        }

        @Override
        public Stmt visitPriorCumulantStmt(EnergyParser.PriorCumulantStmtContext ctx) {
          return new Stmt.PriorCumulantStmt(
              ident(ctx.name), parseSize(ctx.order.getText()), ident(ctx.unit), ident(ctx.energy), span(ctx));
        }

        @Override
        public Stmt visitMomentStmt(EnergyParser.MomentStmtContext ctx) {
          Integer order = ctx.order == null ? null : parseSize(ctx.order.getText());
          return new Stmt.MomentStmt(
              ident(ctx.name), ctx.kind.getType() == EnergyParser.CUMULANT, order, idList(ctx.idList()), span(ctx));
        }

        @Override
        public Stmt visitExpandStmt(EnergyParser.ExpandStmtContext ctx) {
          Integer order = parseSize(ctx.order.getText());
          return new Stmt.ExpandStmt(
              ident(ctx.name), ident(ctx.energy), idList(ctx.idList()), order,
              ctx.SUBSTITUTED() != null, span(ctx));
        }

        @Override
        public Stmt visitLatticeDecl(EnergyParser.LatticeDeclContext ctx) {
          return new Stmt.LatticeDecl(ident(ctx.kind), ctx.PERIODIC() != null, span(ctx));
        }

        @Override
        public Stmt visitSiteSpinDecl(EnergyParser.SiteSpinDeclContext ctx) {
          return new Stmt.SiteSpinDecl(ident(ctx.name), span(ctx));
        }

        @Override
        public Stmt visitReducedEnergyDecl(EnergyParser.ReducedEnergyDeclContext ctx) {
          return new Stmt.ReducedEnergyDecl(ident(ctx.name), idList(ctx.idList()), ctx.expr().accept(exprBuilder), span(ctx));
        }

        @Override
        public Stmt visitBlocksDecl(EnergyParser.BlocksDeclContext ctx) {
          return new Stmt.BlocksDecl(ident(ctx.blockShape), parseSize(ctx.size.getText()), span(ctx));
        }

        @Override
        public Stmt visitRgStmt(EnergyParser.RgStmtContext ctx) {
          EnergyParser.RgStepContext step = ctx.rgStep();
          if (step instanceof EnergyParser.DecimateContext d)
            return new Stmt.RgStmt(ident(ctx.name), ident(d.energy), LatticeModel.Scheme.DECIMATE, parseSize(d.scale.getText()), span(ctx));
          if (step instanceof EnergyParser.BlockCumulantContext c)
            return new Stmt.RgStmt(ident(ctx.name), ident(c.energy), LatticeModel.Scheme.CUMULANT, parseSize(c.order.getText()), span(ctx));
          EnergyParser.MigdalKadanoffContext m = (EnergyParser.MigdalKadanoffContext) step;
          return new Stmt.RgStmt(ident(ctx.name), ident(m.energy), LatticeModel.Scheme.MIGDAL_KADANOFF, parseSize(m.scale.getText()), span(ctx));
        }

        @Override
        public Stmt visitKernelDecl(EnergyParser.KernelDeclContext ctx) {
          return new Stmt.KernelDecl(
              ident(ctx.name), idList(ctx.hidden), idList(ctx.visible), ctx.expr().accept(exprBuilder), span(ctx));
        }

        @Override
        public Stmt visitFlowStmt(EnergyParser.FlowStmtContext ctx) {
          return new Stmt.FlowStmt(ident(ctx.name), span(ctx));
        }

        @Override
        public Stmt visitCoefficientStmt(EnergyParser.CoefficientStmtContext ctx) {
          return new Stmt.CoefficientStmt(ident(ctx.name), ctx.monomial.accept(exprBuilder), ident(ctx.target), span(ctx));
        }

        @Override
        public Stmt visitWhereStmt(EnergyParser.WhereStmtContext ctx) {
          List<Stmt.Assignment> out = new ArrayList<>();
          for (EnergyParser.AssignmentContext a : ctx.assignment())
            out.add(new Stmt.Assignment(component(a.component()), a.expr().accept(exprBuilder)));
          return new Stmt.WhereStmt(ident(ctx.name), ident(ctx.target), out, span(ctx));
        }

        @Override
        public Stmt visitDerivativeStmt(EnergyParser.DerivativeStmtContext ctx) {
          List<Stmt.Component> by = new ArrayList<>();
          for (EnergyParser.ComponentContext c : ctx.component()) by.add(component(c));
          return new Stmt.DerivativeStmt(ident(ctx.name), ident(ctx.target), by, span(ctx));
        }

        @Override
        public Stmt visitAtStmt(EnergyParser.AtStmtContext ctx) {
          List<Stmt.AtItem> values = new ArrayList<>();
          for (EnergyParser.AtItemContext a : ctx.atItem()) {
            String value = (a.sign == null ? "" : a.sign.getText()) + a.num.getText() + (a.den == null ? "" : "/" + a.den.getText());
            values.add(new Stmt.AtItem(component(a.component()), value, span(a)));
          }
          return new Stmt.AtStmt(ctx.name == null ? null : ident(ctx.name), ident(ctx.target), values, span(ctx));
        }

        @Override
        public Stmt visitCheckStmt(EnergyParser.CheckStmtContext ctx) {
          return new Stmt.CheckStmt(ident(ctx.target), span(ctx));
        }

        @Override
        public Stmt visitPartitionStmt(EnergyParser.PartitionStmtContext ctx) {
          return new Stmt.PartitionStmt(ident(ctx.name), ident(ctx.energy), span(ctx));
        }
      };

  private Stmt.Component component(EnergyParser.ComponentContext ctx) {
    List<Integer> index = new ArrayList<>();
    for (TerminalNode i : ctx.INT()) index.add(parseSize(i.getText()));
    return new Stmt.Component(ident(ctx.name), index, span(ctx));
  }

  private static Integer parseSize(String text) {
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // the checker reports sizes out of range
    }
  }

  private final EnergyBaseVisitor<Expr> exprBuilder =
      new EnergyBaseVisitor<>() {
        private List<Expr> all(List<EnergyParser.ExprContext> list) {
          List<Expr> out = new ArrayList<>();
          for (EnergyParser.ExprContext e : list) out.add(e.accept(this));
          return out;
        }

        @Override
        public Expr visitPower(EnergyParser.PowerContext ctx) {
          return new Expr.Binary('^', ctx.expr(0).accept(this), ctx.expr(1).accept(this), span(ctx));
        }

        @Override
        public Expr visitDot(EnergyParser.DotContext ctx) {
          return new Expr.Dot(ctx.expr(0).accept(this), ctx.expr(1).accept(this), span(ctx));
        }

        @Override
        public Expr visitUnary(EnergyParser.UnaryContext ctx) {
          return new Expr.Unary(ctx.op.getText().charAt(0), ctx.expr().accept(this), span(ctx));
        }

        @Override
        public Expr visitMulDiv(EnergyParser.MulDivContext ctx) {
          return new Expr.Binary(
              ctx.op.getText().charAt(0), ctx.expr(0).accept(this), ctx.expr(1).accept(this), span(ctx));
        }

        @Override
        public Expr visitAddSub(EnergyParser.AddSubContext ctx) {
          return new Expr.Binary(
              ctx.op.getText().charAt(0), ctx.expr(0).accept(this), ctx.expr(1).accept(this), span(ctx));
        }

        @Override
        public Expr visitSum(EnergyParser.SumContext ctx) {
          return new Expr.Sum(idList(ctx.idList()), ctx.expr().accept(this), span(ctx));
        }

        @Override
        public Expr visitBondSum(EnergyParser.BondSumContext ctx) {
          // The shell is the number of '<' brackets.
          int shell = 0;
          for (int c = 0; c < ctx.getChildCount(); c++) if (ctx.getChild(c).getText().equals("<")) shell++;
          return new Expr.BondSum(ident(ctx.i), ident(ctx.j), shell, ctx.expr().accept(this), span(ctx));
        }

        @Override
        public Expr visitCall(EnergyParser.CallContext ctx) {
          return new Expr.Call(ident(ctx.fn), all(ctx.expr()), span(ctx));
        }

        @Override
        public Expr visitIndexed(EnergyParser.IndexedContext ctx) {
          return new Expr.Indexed(ident(ctx.name), all(ctx.expr()), span(ctx));
        }

        @Override
        public Expr visitName(EnergyParser.NameContext ctx) {
          return new Expr.Name(ident(ctx.name), span(ctx));
        }

        @Override
        public Expr visitNumber(EnergyParser.NumberContext ctx) {
          BigDecimal d = new BigDecimal(ctx.getText());
          BigInteger num = d.unscaledValue();
          BigInteger den = BigInteger.TEN.pow(Math.max(0, d.scale()));
          if (d.scale() < 0) num = num.multiply(BigInteger.TEN.pow(-d.scale()));
          BigInteger g = num.gcd(den);
          return new Expr.Num(num.divide(g), den.divide(g), span(ctx));
        }

        @Override
        public Expr visitInteger(EnergyParser.IntegerContext ctx) {
          return new Expr.Num(new BigInteger(ctx.getText()), BigInteger.ONE, span(ctx));
        }

        @Override
        public Expr visitParens(EnergyParser.ParensContext ctx) {
          return ctx.expr().accept(this);
        }
      };
}
