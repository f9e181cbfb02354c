// The .energy language. Statements are keyword-led (or `NAME = verb ...`), so the
// language is free-form: line breaks are whitespace and an expression may span lines.
// New constructs (symbolic sizes, expansions, lattices, RG steps) are new alternatives
// of `statement`; existing files keep parsing.
grammar Energy;

program
    : statement* EOF
    ;

statement
    : MODEL name=ID                                              # ModelDecl
    | DIM dimItem (',' dimItem)*                                 # DimDecl
    | unitKind unitItem (',' unitItem)*                          # UnitDecl
    | PARAM paramItem (',' paramItem)*                           # ParamDecl
    | TEMPERATURE name=ID                                        # TemperatureDecl
    | ENERGY name=ID '(' idList? ')' '=' expr                    # EnergyDecl
    | name=ID '=' MARGINALIZE energy=ID OVER idList              # MarginalizeStmt
    | name=ID '=' PARTITION energy=ID                            # PartitionStmt
    | COUPLINGS energy=ID (UP TO order=INT)?                     # CouplingsStmt
    | name=ID '=' CUMULANT order=INT OF unit=ID IN energy=ID      # PriorCumulantStmt
    | name=ID '=' kind=(CUMULANT | MOMENT) (order=INT | idList)  # MomentStmt
    | name=ID '=' EXPAND energy=ID IN idList TO ORDER order=INT SUBSTITUTED?  # ExpandStmt
    | LATTICE kind=ID PERIODIC?                                  # LatticeDecl
    | SPIN name=ID ON SITES                                      # SiteSpinDecl
    | REDUCED ENERGY name=ID '(' idList ')' '=' expr             # ReducedEnergyDecl
    | BLOCKS blockShape=ID OF size=INT BY MAJORITY               # BlocksDecl
    | name=ID '=' RG rgStep                                      # RgStmt
    | FLOW name=ID                                               # FlowStmt
    | KERNEL name=ID '(' hidden=idList '|' visible=idList ')' '=' expr  # KernelDecl
    | name=ID '=' COEFFICIENT monomial=expr IN target=ID         # CoefficientStmt
    | name=ID '=' target=ID WHERE assignment (',' assignment)*   # WhereStmt
    | name=ID '=' DERIVATIVE target=ID BY component (',' component)*  # DerivativeStmt
    | (name=ID '=')? target=ID AT atItem+                        # AtStmt
    | CHECK target=ID                                            # CheckStmt
    ;

// The queries' pieces: a component of a declared name, a substitution, a numeric value.
component  : name=ID ('[' INT (',' INT)* ']')? ;
assignment : component '=' expr ;
atItem     : component '=' sign=('-' | '+')? num=(INT | NUMBER) ('/' den=INT)? ;

// One RG step of a reduced lattice energy.
rgStep
    : DECIMATE energy=ID KEEP EVERY scale=INT                    # Decimate
    | CUMULANT energy=ID ORDER order=INT                         # BlockCumulant
    | MIGDAL_KADANOFF energy=ID SCALE scale=INT                  # MigdalKadanoff
    ;

dimItem   : name=ID ('=' size=INT)? ;
unitKind  : SPIN | BINARY | REAL ;
unitItem  : name=ID shape? ;
paramItem : name=ID shape? ;
shape     : '[' ID (',' ID)* ']' ;
idList    : ID (',' ID)* ;

// Earlier alternatives bind tighter. `sum(i) body` takes a product as its body, so
// `sum(i) a[i]*x[i] + c` is (Σᵢ aᵢxᵢ) + c, as a physicist reads it.
expr
    : <assoc=right> expr '^' expr                                # Power
    | expr '.' expr                                              # Dot
    | op=('-' | '+') expr                                        # Unary
    | expr op=('*' | '/') expr                                   # MulDiv
    | SUM '(' idList ')' expr                                    # Sum
    | SUM '<' i=ID ',' j=ID '>' expr                             # BondSum
    | SUM '<' '<' i=ID ',' j=ID '>' '>' expr                     # BondSum
    | SUM '<' '<' '<' i=ID ',' j=ID '>' '>' '>' expr             # BondSum
    | expr op=('+' | '-') expr                                   # AddSub
    | fn=ID '(' expr (',' expr)* ')'                             # Call
    | name=ID '[' expr (',' expr)* ']'                           # Indexed
    | name=ID                                                    # Name
    | NUMBER                                                     # Number
    | INT                                                        # Integer
    | '(' expr ')'                                               # Parens
    ;

MODEL       : 'model' ;
DIM         : 'dim' ;
SPIN        : 'spin' ;
BINARY      : 'binary' ;
REAL        : 'real' ;
PARAM       : 'param' ;
TEMPERATURE : 'temperature' ;
ENERGY      : 'energy' ;
MARGINALIZE : 'marginalize' ;
OVER        : 'over' ;
PARTITION   : 'partition' ;
SUM         : 'sum' ;
COUPLINGS   : 'couplings' ;
CUMULANT    : 'cumulant' ;
MOMENT      : 'moment' ;
UP          : 'up' ;
TO          : 'to' ;
EXPAND      : 'expand' ;
IN          : 'in' ;
ORDER       : 'order' ;
SUBSTITUTED : 'substituted' ;
LATTICE     : 'lattice' ;
PERIODIC    : 'periodic' ;
ON          : 'on' ;
SITES       : 'sites' ;
REDUCED     : 'reduced' ;
BLOCKS      : 'blocks' ;
OF          : 'of' ;
BY          : 'by' ;
MAJORITY    : 'majority' ;
RG          : 'rg' ;
DECIMATE    : 'decimate' ;
KEEP        : 'keep' ;
EVERY       : 'every' ;
SCALE       : 'scale' ;
FLOW        : 'flow' ;
KERNEL      : 'kernel' ;
MIGDAL_KADANOFF : 'migdal-kadanoff' ;
COEFFICIENT : 'coefficient' ;
WHERE       : 'where' ;
DERIVATIVE  : 'derivative' ;
AT          : 'at' ;
CHECK       : 'check' ;

INT     : [0-9]+ ;
NUMBER  : [0-9]+ '.' [0-9]* | '.' [0-9]+ ;
// A number run into a name, `2J`, or in exponent notation, `1e4`: never valid, reported with a hint.
NUMBER_NAME : ([0-9]+ ('.' [0-9]*)? | '.' [0-9]+) ([eE] [+-] [0-9]+ | [a-zA-Z_] [a-zA-Z0-9_]*) ;
ID      : [a-zA-Z] [a-zA-Z0-9_]* ;

COMMENT : '#' ~[\r\n]* -> skip ;
WS      : [ \t\r\n]+ -> skip ;
ANY     : . ;
