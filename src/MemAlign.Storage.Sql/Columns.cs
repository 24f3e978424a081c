using System.Data.Common;

namespace MemAlign.Storage.Sql;

/// <summary>Reads a row's columns by name, so a statement's column order never matters.</summary>
internal static class Columns
{
    public static string Text(this DbDataReader row, string column) => row.GetString(row.GetOrdinal(column));

    public static string? NullableText(this DbDataReader row, string column) => row.GetOrdinal(column) is var i && row.IsDBNull(i) ? null : row.GetString(i);

    public static long Long(this DbDataReader row, string column) => Convert.ToInt64(row.GetValue(row.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static int? NullableInt(this DbDataReader row, string column) => row.GetOrdinal(column) is var i && row.IsDBNull(i) ? null : Convert.ToInt32(row.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);

    public static int Int(this DbDataReader row, string column) => Convert.ToInt32(row.GetValue(row.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static double Double(this DbDataReader row, string column) => Convert.ToDouble(row.GetValue(row.GetOrdinal(column)), System.Globalization.CultureInfo.InvariantCulture);

    public static object Value(this DbDataReader row, string column) => row.GetValue(row.GetOrdinal(column));

    public static byte[] Bytes(this DbDataReader row, string column) => (byte[])row.GetValue(row.GetOrdinal(column));

    public static DateTimeOffset Time(this DbDataReader row, string column) => new(row.Long(column), TimeSpan.Zero);
}
