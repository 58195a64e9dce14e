/**
 * Turns graphql-js parse, validation and variable-coercion errors into the
 * shapes Shopify's Admin API (graphql-ruby) returns: messages with single
 * quotes, a `path` starting at the operation ("query", "query Name",
 * "mutation", "fragment Name") and an extensions.code naming the rule.
 */
import {
  FieldsOnCorrectTypeRule,
  type GraphQLError,
  KnownArgumentNamesRule,
  KnownDirectivesRule,
  KnownFragmentNamesRule,
  KnownTypeNamesRule,
  Kind,
  NoUndefinedVariablesRule,
  NoUnusedFragmentsRule,
  NoUnusedVariablesRule,
  print,
  ProvidedRequiredArgumentsRule,
  ScalarLeafsRule,
  specifiedRules,
  TypeInfo,
  validate,
  ValuesOfCorrectTypeRule,
  VariablesInAllowedPositionRule,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type ArgumentNode,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from "graphql";

export interface ShopifyGraphQLError {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// Parse errors
// ---------------------------------------------------------------------------

const PUNCTUATORS: Record<string, string> = {
  "{": "LCURLY",
  "}": "RCURLY",
  "(": "LPAREN",
  ")": "RPAREN",
  "[": "LBRACKET",
  "]": "RBRACKET",
  ":": "COLON",
  "=": "EQUALS",
  "!": "BANG",
  $: "VAR_SIGN",
  "@": "DIR_SIGN",
  "...": "ELLIPSIS",
  "|": "PIPE",
  "&": "AMP",
};

const TOKEN_KINDS: Record<string, string> = {
  Name: "IDENTIFIER",
  String: "STRING",
  BlockString: "STRING",
  Int: "INT",
  Float: "FLOAT",
};

function describeToken(found: string): string {
  if (found === "<EOF>") return "end of file";
  const punctuator = /^"(.+)"$/.exec(found);
  if (punctuator && PUNCTUATORS[punctuator[1]]) return `${PUNCTUATORS[punctuator[1]]} ("${punctuator[1]}")`;
  const typed = /^(Name|String|BlockString|Int|Float) "(.*)"$/.exec(found);
  if (typed) return `${TOKEN_KINDS[typed[1]]} ("${typed[2]}")`;
  return found;
}

export function shopifyParseError(error: GraphQLError): ShopifyGraphQLError {
  const location = error.locations?.[0];
  const detail = error.message.replace(/^Syntax Error:\s*/, "");
  const found = /(?:found|Unexpected) (.+?)\.?$/.exec(detail);
  const where = location ? ` at [${location.line}, ${location.column}]` : "";
  const message = found
    ? `syntax error, unexpected ${describeToken(found[1])}${where}`
    : `syntax error, ${detail.replace(/\.$/, "")}${where}`;
  return { message, ...(location ? { locations: [{ line: location.line, column: location.column }] } : {}) };
}

// ---------------------------------------------------------------------------
// Validation errors
// ---------------------------------------------------------------------------

interface NodeInfo {
  path: string[];
  parentTypeName: string | undefined;
  fieldName: string | undefined;
  argumentName: string | undefined;
  argumentNode: ArgumentNode | undefined;
  /** Path of the enclosing argument (ends with its name). */
  argumentPath: string[] | undefined;
  /** Input type expected where the node sits (for argument values). */
  argumentTypeName: string | undefined;
  operationLabel: string;
  /** Inside a variable definition (its type) rather than a selection. */
  inVariableDefinition: boolean;
}

function operationLabel(node: OperationDefinitionNode): string {
  return node.name ? `${node.operation} ${node.name.value}` : node.operation;
}

/** Where each AST node sits: graphql-ruby path, enclosing field and argument. */
function describeNodes(schema: GraphQLSchema, document: DocumentNode): Map<ASTNode, NodeInfo> {
  const infos = new Map<ASTNode, NodeInfo>();
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const fieldStack: string[] = [];
  let argument: ArgumentNode | undefined;
  let argumentTypeName: string | undefined;
  let argumentPath: string[] | undefined;
  let label = "query";
  let inVariableDefinition = false;
  const pushing = new Set<string>([
    Kind.OPERATION_DEFINITION,
    Kind.FRAGMENT_DEFINITION,
    Kind.FIELD,
    Kind.INLINE_FRAGMENT,
    Kind.ARGUMENT,
    Kind.OBJECT_FIELD,
  ]);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      enter(node) {
        switch (node.kind) {
          case Kind.OPERATION_DEFINITION:
            label = operationLabel(node);
            path.push(label);
            break;
          case Kind.FRAGMENT_DEFINITION:
            label = `fragment ${node.name.value}`;
            path.push(label);
            break;
          case Kind.FIELD:
            path.push(node.alias?.value ?? node.name.value);
            fieldStack.push(node.name.value);
            break;
          case Kind.INLINE_FRAGMENT:
            path.push(node.typeCondition ? `... on ${node.typeCondition.name.value}` : "...");
            break;
          case Kind.ARGUMENT:
            path.push(node.name.value);
            argument = node;
            argumentPath = [...path];
            argumentTypeName = typeInfo.getArgument()?.type.toString();
            break;
          case Kind.OBJECT_FIELD:
            path.push(node.name.value);
            break;
          case Kind.VARIABLE_DEFINITION:
            inVariableDefinition = true;
            break;
          default:
            break;
        }
        infos.set(node, {
          path: node.kind === Kind.FRAGMENT_SPREAD ? [...path, `... ${node.name.value}`] : [...path],
          parentTypeName: typeInfo.getParentType()?.name,
          fieldName: fieldStack[fieldStack.length - 1],
          argumentName: argument?.name.value,
          argumentNode: argument,
          argumentPath,
          argumentTypeName,
          operationLabel: label,
          inVariableDefinition,
        });
        return undefined;
      },
      leave(node) {
        if (pushing.has(node.kind)) path.pop();
        if (node.kind === Kind.FIELD) fieldStack.pop();
        if (node.kind === Kind.ARGUMENT) {
          argument = undefined;
          argumentPath = undefined;
          argumentTypeName = undefined;
        }
        if (node.kind === Kind.VARIABLE_DEFINITION) inVariableDefinition = false;
        return undefined;
      },
    }),
  );
  return infos;
}

type Mapper = (
  error: GraphQLError,
  info: NodeInfo | undefined,
  all: readonly GraphQLError[],
) => ShopifyGraphQLError | null;

function base(error: GraphQLError, info: NodeInfo | undefined, message: string, extensions: Record<string, unknown>) {
  return {
    message,
    ...(error.locations ? { locations: error.locations.map(({ line, column }) => ({ line, column })) } : {}),
    ...(info ? { path: info.path } : {}),
    extensions,
  };
}

function quoted(message: string, pattern: RegExp): string[] {
  const match = pattern.exec(message);
  return match ? match.slice(1) : [];
}

const mapUndefinedField: Mapper = (error, info) => {
  const [fieldName, typeName] = quoted(error.message, /Cannot query field "([^"]+)" on type "([^"]+)"/);
  return base(error, info, `Field '${fieldName}' doesn't exist on type '${typeName}'`, {
    code: "undefinedField",
    typeName,
    fieldName,
  });
};

const mapUnknownArgument: Mapper = (error, info) => {
  const onField = quoted(error.message, /Unknown argument "([^"]+)" on field "([^".]+)\.([^"]+)"/);
  if (onField.length) {
    const [argumentName, , fieldName] = onField;
    return base(error, info, `Field '${fieldName}' doesn't accept argument '${argumentName}'`, {
      code: "argumentNotAccepted",
      name: fieldName,
      typeName: "Field",
      argumentName,
    });
  }
  const [argumentName, directive] = quoted(error.message, /Unknown argument "([^"]+)" on directive "@([^"]+)"/);
  return base(error, info, `Directive '${directive}' doesn't accept argument '${argumentName}'`, {
    code: "argumentNotAccepted",
    name: directive,
    typeName: "Directive",
    argumentName,
  });
};

function printValue(info: NodeInfo | undefined): string {
  return info?.argumentNode ? print(info.argumentNode.value) : "";
}

const mapValueError: Mapper = (error, info) => {
  const missingInput = quoted(error.message, /Field "([^".]+)\.([^"]+)" of required type "([^"]+)" was not provided/);
  if (missingInput.length) {
    const [inputObjectType, argumentName, argumentType] = missingInput;
    return base(
      error,
      info,
      `Argument '${argumentName}' on InputObject '${inputObjectType}' is required. Expected type ${argumentType}`,
      { code: "missingRequiredInputObjectAttribute", argumentName, argumentType, inputObjectType },
    );
  }
  const unknownInput = quoted(error.message, /Field "([^"]+)" is not defined by type "([^"]+)"/);
  if (unknownInput.length) {
    const [argumentName, typeName] = unknownInput;
    return base(error, info, `InputObject '${typeName}' doesn't accept argument '${argumentName}'`, {
      code: "argumentNotAccepted",
      name: typeName,
      typeName: "InputObject",
      argumentName,
    });
  }
  if (!info?.argumentName) return null;
  const argumentName = info.argumentName;
  const onField = info.fieldName ?? "";
  const expected = info.argumentTypeName ?? "";
  return base(
    error,
    { ...info, path: info.argumentPath ?? info.path },
    `Argument '${argumentName}' on Field '${onField}' has an invalid value (${printValue(info)}). Expected type '${expected}'.`,
    { code: "argumentLiteralsIncompatible", typeName: "Field", argumentName },
  );
};

const mapVariableMismatch: Mapper = (error, info) => {
  const [variableName, variableType, expectedType] = quoted(
    error.message,
    /Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/,
  );
  const argumentName = info?.argumentName ?? "";
  return base(
    error,
    info,
    `Type mismatch on variable $${variableName} and argument ${argumentName} (${variableType} / ${expectedType})`,
    { code: "variableMismatch", variableName, typeName: variableType, argumentName, errorMessage: "Type mismatch" },
  );
};

const mapUnknownType: Mapper = (error, info) => {
  const [typeName] = quoted(error.message, /Unknown type "([^"]+)"/);
  if (info?.inVariableDefinition) {
    const variableName = "";
    return base(error, info, `${typeName} isn't a defined input type (on $${variableName})`, {
      code: "variableRequiresValidType",
      typeName,
      variableName,
    });
  }
  return base(error, info, `No such type ${typeName}, so it can't be a fragment condition`, {
    code: "undefinedType",
    typeName,
  });
};

const mapScalarLeafs: Mapper = (error, info) => {
  const needsSelections = quoted(error.message, /Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/);
  if (needsSelections.length) {
    const [fieldName, typeName] = needsSelections;
    const bare = typeName.replace(/[[\]!]/g, "");
    return base(
      error,
      info,
      `Field must have selections (field '${fieldName}' returns ${bare} but has no selections. Did you mean '${fieldName} { ... }'?)`,
      { code: "selectionMismatch", nodeName: `field '${fieldName}'`, typeName: bare },
    );
  }
  const [fieldName, typeName] = quoted(error.message, /Field "([^"]+)" must not have a selection since type "([^"]+)"/);
  const bare = (typeName ?? "").replace(/[[\]!]/g, "");
  return base(error, info, `Selections can't be made on scalars (field '${fieldName}' returns ${bare})`, {
    code: "selectionMismatch",
    nodeName: `field '${fieldName}'`,
    typeName: bare,
  });
};

function operationName(info: NodeInfo | undefined): string {
  const label = info?.operationLabel ?? "query";
  const space = label.indexOf(" ");
  return space > 0 ? label.slice(space + 1) : `anonymous ${label}`;
}

const mapUndefinedVariable: Mapper = (error, info) => {
  const [variableName] = quoted(error.message, /Variable "\$([^"]+)" is not defined/);
  return base(error, info, `Variable $${variableName} is used by ${operationName(info)} but not declared`, {
    code: "variableNotDefined",
    variableName,
  });
};

const mapUnusedVariable: Mapper = (error, info) => {
  const [variableName] = quoted(error.message, /Variable "\$([^"]+)" is never used/);
  return base(error, info, `Variable $${variableName} is declared by ${operationName(info)} but not used`, {
    code: "variableNotUsed",
    variableName,
  });
};

const mapUnknownDirective: Mapper = (error, info) => {
  const [directiveName] = quoted(error.message, /Unknown directive "@([^"]+)"/);
  if (!directiveName) return null;
  return base(error, info, `Directive @${directiveName} is not defined`, { code: "undefinedDirective", directiveName });
};

const mapUnknownFragment: Mapper = (error, info) => {
  const [fragmentName] = quoted(error.message, /Unknown fragment "([^"]+)"/);
  return base(error, info, `Fragment ${fragmentName} was used, but not defined`, {
    code: "useAndDefineFragment",
    fragmentName,
  });
};

const mapUnusedFragment: Mapper = (error, info) => {
  const [fragmentName] = quoted(error.message, /Fragment "([^"]+)" is never used/);
  return base(error, info, `Fragment ${fragmentName} was defined, but not used`, {
    code: "useAndDefineFragment",
    fragmentName,
  });
};

function mapFallback(error: GraphQLError, info: NodeInfo | undefined): ShopifyGraphQLError {
  return base(error, info, error.message.replace(/"/g, "'"), { code: "invalidQuery" });
}

const MAPPERS = new Map<ValidationRule, Mapper>([
  [FieldsOnCorrectTypeRule, mapUndefinedField],
  [KnownArgumentNamesRule, mapUnknownArgument],
  [ValuesOfCorrectTypeRule, mapValueError],
  [VariablesInAllowedPositionRule, mapVariableMismatch],
  [KnownTypeNamesRule, mapUnknownType],
  [ScalarLeafsRule, mapScalarLeafs],
  [NoUndefinedVariablesRule, mapUndefinedVariable],
  [NoUnusedVariablesRule, mapUnusedVariable],
  [KnownDirectivesRule, mapUnknownDirective],
  [KnownFragmentNamesRule, mapUnknownFragment],
  [NoUnusedFragmentsRule, mapUnusedFragment],
]);

/**
 * Validates the document with graphql-js's specified rules, rule by rule so
 * every error is mapped knowing which rule raised it. Missing required
 * arguments are grouped per field as graphql-ruby does.
 */
export function shopifyValidationErrors(schema: GraphQLSchema, document: DocumentNode): ShopifyGraphQLError[] {
  let infos: Map<ASTNode, NodeInfo> | undefined;
  const describe = (node: ASTNode | undefined) => {
    if (!node) return undefined;
    infos ??= describeNodes(schema, document);
    return infos.get(node);
  };
  const results: ShopifyGraphQLError[] = [];
  for (const rule of specifiedRules) {
    const errors = validate(schema, document, [rule]);
    if (errors.length === 0) continue;
    if (rule === ProvidedRequiredArgumentsRule) {
      results.push(...groupMissingArguments(errors, describe));
      continue;
    }
    const mapper = MAPPERS.get(rule) ?? mapFallback;
    for (const error of errors) {
      const info = describe(error.nodes?.[0]);
      const mapped = mapper(error, info, errors) ?? mapFallback(error, info);
      if (mapped.extensions?.code === "variableRequiresValidType" && error.nodes?.[0]) {
        fixVariableName(document, error, mapped);
      }
      results.push(mapped);
    }
  }
  return results;
}

function fixVariableName(document: DocumentNode, error: GraphQLError, mapped: ShopifyGraphQLError): void {
  const target = error.nodes?.[0];
  visit(document, {
    VariableDefinition(node) {
      let contains = false;
      visit(node.type, {
        enter(inner) {
          if (inner === target) contains = true;
        },
      });
      if (contains && mapped.extensions) {
        const name = node.variable.name.value;
        mapped.extensions.variableName = name;
        mapped.message = mapped.message.replace(/\(on \$\)$/, `(on $${name})`);
      }
    },
  });
}

function groupMissingArguments(
  errors: readonly GraphQLError[],
  describe: (node: ASTNode | undefined) => NodeInfo | undefined,
): ShopifyGraphQLError[] {
  const byNode = new Map<ASTNode | undefined, { error: GraphQLError; kind: string; name: string; args: string[] }>();
  for (const error of errors) {
    const node = error.nodes?.[0];
    const field = quoted(error.message, /^Field "([^"]+)" argument "([^"]+)" of type/);
    const directive = quoted(error.message, /^Directive "@([^"]+)" argument "([^"]+)" of type/);
    const [name, argument] = field.length ? field : directive;
    const entry = byNode.get(node) ?? { error, kind: field.length ? "Field" : "Directive", name, args: [] };
    entry.args.push(argument);
    byNode.set(node, entry);
  }
  return [...byNode.values()].map(({ error, kind, name, args }) =>
    base(error, describe(error.nodes?.[0]), `${kind} '${name}' is missing required arguments: ${args.join(", ")}`, {
      code: "missingRequiredArguments",
      className: kind,
      name,
      arguments: args.join(", "),
    }),
  );
}

// ---------------------------------------------------------------------------
// Variable coercion errors
// ---------------------------------------------------------------------------

/**
 * graphql-js: 'Variable "$id" of required type "ID!" was not provided.' /
 * 'Variable "$x" got invalid value 1 at "x[0].ownerId"; Expected ...'.
 * graphql-ruby: "Variable $id of type ID! was provided invalid value" with
 * extensions { value, problems: [{ path, explanation }] }.
 */
export function shopifyVariableError(
  error: GraphQLError,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ShopifyGraphQLError {
  const [name] = quoted(error.message, /^Variable "\$([^"]+)"/);
  const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
  const type = definition ? print(definition.type) : "";
  const problemPath: Array<string | number> = [];
  const at = quoted(error.message, / at "([^"]+)";/);
  if (at.length) {
    for (const part of at[0].replace(/^[^.[]+/, "").matchAll(/\.([^.[]+)|\[(\d+)\]/g)) {
      problemPath.push(part[1] !== undefined ? part[1] : Number(part[2]));
    }
  }
  let explanation: string;
  if (/was not provided|must not be null|not to be null/.test(error.message)) {
    explanation = "Expected value to not be null";
  } else {
    explanation = error.message.replace(/^[^;]*;\s*/, "").replace(/"/g, "'");
  }
  const value = name && name in variables ? variables[name] : null;
  const where = problemPath.length ? ` for ${problemPath.join(".")}` : "";
  return {
    message: `Variable $${name} of type ${type} was provided invalid value${where} (${explanation})`,
    ...(definition?.loc
      ? { locations: [{ line: definition.loc.startToken.line, column: definition.loc.startToken.column }] }
      : {}),
    extensions: { value, problems: [{ path: problemPath, explanation }] },
  };
}
