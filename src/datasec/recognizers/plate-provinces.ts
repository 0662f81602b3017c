// The one-character province abbreviations a mainland vehicle plate begins with (GA 36-2018): the plate
// recognizer's pattern starts with one, and the text shape notes whether a text has any.

export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
