namespace WomRules.Runtime;

/// <summary>
/// An expression would build a string past <see cref="CompilationOptions.MaxStringLength"/>, or more characters in all
/// than one evaluation may build. An evaluation failure: the rule is <c>skipped</c> with reason <c>error</c>.
/// </summary>
internal sealed class StringTooLongException(string message) : Exception(message);
