using FairRubrics.Model;

namespace FairRubrics.Loading;

/// <summary>The texts people read: a string in the rubric's <c>locale</c>, or a map of locale to string.</summary>
internal sealed partial class RubricBuilder
{
    private string ReadLocale(RubricMappingNode root)
    {
        if (_r.Get(root, "locale", "the rubric", required: false) is not { } node || _r.Text(node, "the rubric 'locale'") is not { } text)
        {
            return LocaleTag.Default;
        }

        if (!LocaleTag.IsValid(text.Trim()))
        {
            _r.Error(DiagnosticIds.InvalidTranslation, node, $"'{text}' is not a locale; write a language tag such as 'en', 'de' or 'de-AT'");
            return LocaleTag.Default;
        }

        return LocaleTag.Normalize(text);
    }

    /// <summary>
    /// Reads a text people read, records it with its translations (<see cref="Rubric.Texts"/>) and returns it in the
    /// rubric's locale. <paramref name="path"/> null: the path is <c>bands.</c> and the text itself.
    /// </summary>
    private string? LocalText(RubricNode node, string what, string? path, SourceLocation location, bool required)
    {
        if (node is not RubricMappingNode map)
        {
            var plain = required ? _r.Text(node, what) : _r.OptionalText(node, what);
            if (plain is not null)
            {
                _texts.Add(new RubricText(path ?? "bands." + plain, _locale, plain, new Dictionary<string, string>(), location));
            }

            return plain;
        }

        if (_r.Diagnostics.IsPoisoned(node))
        {
            return null;
        }

        if (map.Entries.Count == 0)
        {
            _r.Error(DiagnosticIds.InvalidTranslation, node, $"{what} is an empty map; write the text, or one text per locale such as {{ {_locale}: \"…\", de: \"…\" }}");
            return null;
        }

        string? own = null;
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, value) in map.Entries)
        {
            var tag = key.Value.Trim();
            if (!LocaleTag.IsValid(tag))
            {
                _r.Error(DiagnosticIds.InvalidTranslation, key, $"'{key.Value}' in {what} is not a locale; a text written as a map gives one text per language tag, such as '{_locale}', 'de' or 'de-AT'");
                _r.Diagnostics.Poison(value);
                ok = false;
                continue;
            }

            tag = LocaleTag.Normalize(tag);
            if (tag == _locale ? own is not null : translations.ContainsKey(tag))
            {
                _r.Error(DiagnosticIds.InvalidTranslation, key, $"{what} has two texts for the locale '{tag}'; keep one");
                _r.Diagnostics.Poison(value);
                ok = false;
                continue;
            }

            if (value is not RubricScalarNode)
            {
                _r.Error(DiagnosticIds.InvalidTranslation, value, $"the '{key.Value}' text of {what} must be text, not {value.KindName}");
                ok = false;
                continue;
            }

            if (_r.Text(value, $"the '{key.Value}' text of {what}") is not { } text)
            {
                ok = false;
                continue;
            }

            if (tag == _locale)
            {
                own = text;
            }
            else
            {
                translations[tag] = text;
            }
        }

        if (!ok)
        {
            return null;
        }

        if (own is null)
        {
            _r.Error(DiagnosticIds.InvalidTranslation, node, $"{what} has no text in the rubric's locale '{_locale}', which pages in other languages fall back to; add '{_locale}: …' (or set 'locale:')");
            return null;
        }

        _texts.Add(new RubricText(path ?? "bands." + own, _locale, own, translations, location));
        return own;
    }
}
